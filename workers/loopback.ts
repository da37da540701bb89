/**
 * Where the embedded helpers (Temporal dev server and its UI, SMTP capture, fake Zalo) listen, whatever HOST says:
 * they have no authentication, so only the web server may face a network.
 */
export const LOOPBACK = '127.0.0.1';
