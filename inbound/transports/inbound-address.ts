/** The address inside a From header value: `"Name" <a@b>` → `a@b`; a bare address is kept. */
export function addressOf(from: string): string {
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(from);
  return (bracketed?.[1] ?? from).trim();
}

/** INBOUND_ADDRESS, or the address dondoc sends from. */
export function inboundAddress(env: { INBOUND_ADDRESS?: string | undefined; SMTP_FROM: string }): string {
  return env.INBOUND_ADDRESS ?? addressOf(env.SMTP_FROM);
}

/**
 * True for the inbound address itself and its `local+tag@domain` subaddresses (a reply address may carry a tag).
 * The domain compares case-insensitively, as DNS does; so does the local part, as every mail host we meet does.
 */
export function acceptsRecipient(inbound: string, recipient: string): boolean {
  const [wantLocal, wantDomain] = split(inbound);
  const [local, domain] = split(recipient);
  if (domain !== wantDomain) return false;
  return local === wantLocal || local.startsWith(`${wantLocal}+`);
}

function split(address: string): [string, string] {
  const at = address.lastIndexOf('@');
  return [address.slice(0, at).toLowerCase(), address.slice(at + 1).toLowerCase()];
}
