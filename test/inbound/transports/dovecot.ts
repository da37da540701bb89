import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { canConnect, freePort } from '../../../workers/port-check';

/** A real IMAP server for the tests: Debian's dovecot (scripts/setup-mail.sh), in a temp dir, Maildir, passwd-file. */
export interface Dovecot {
  host: string;
  /** Plain IMAP (no STARTTLS offered to the tests' clients unless they ask). */
  port: number;
  /** With `tls`: IMAPS with a self-signed certificate for `localhost` (and STARTTLS offered on `port`). */
  tlsPort?: number;
  user: string;
  password: string;
  /** `imap://user:pass@127.0.0.1:<port>` */
  url: string;
  /** A client of the same mailbox (append, read flags); logged in. */
  client(): Promise<ImapFlow>;
  /** Drops every IMAP session of the user (doveadm kick), as a server restart would. */
  kick(): Promise<void>;
  stop(): Promise<void>;
}

function dovecotBinary(name: 'dovecot' | 'doveadm'): string {
  for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/sbin']) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} not found: run bash scripts/setup-mail.sh (Debian's dovecot-imapd)`);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`dovecot: ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startDovecot(options: { tls?: boolean } = {}): Promise<Dovecot> {
  const host = '127.0.0.1';
  const port = await freePort(host);
  const tlsPort = options.tls ? await freePort(host) : undefined;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-dovecot-'));
  const user = 'replies';
  const password = 'inbound-secret';
  const asRoot = process.getuid?.() === 0;
  // Dovecot refuses to run its login processes or mail access as root: as root it uses the Debian package's users.
  const internalUser = asRoot ? 'dovecot' : os.userInfo().username;
  const loginUser = asRoot ? 'dovenull' : internalUser;
  const mailIds = asRoot ? 'uid=dovecot gid=dovecot' : `uid=${process.getuid?.()} gid=${process.getgid?.()}`;
  const mail = path.join(dir, 'mail');
  await mkdir(mail);
  await writeFile(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`);
  if (asRoot) {
    await chmod(dir, 0o755);
    await run('chown', ['dovecot:dovecot', mail]);
  }
  const tls = tlsPort === undefined ? ['ssl = no'] : await selfSignedTls(dir);
  const config = path.join(dir, 'dovecot.conf');
  await writeFile(
    config,
    [
      'protocols = imap',
      `listen = ${host}`,
      `base_dir = ${dir}/run`,
      `state_dir = ${dir}/state`,
      `instance_name = dondoc-test-${port}`,
      `log_path = ${dir}/dovecot.log`,
      ...tls,
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      `default_internal_user = ${internalUser}`,
      `default_login_user = ${loginUser}`,
      'first_valid_uid = 1',
      `mail_location = maildir:${mail}/%u`,
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${dir}/passwd\n}`,
      `userdb {\n  driver = static\n  args = ${mailIds} home=${mail}/%u\n}`,
      `service imap-login {\n  inet_listener imap {\n    address = ${host}\n    port = ${port}\n  }\n  inet_listener imaps {\n    address = ${host}\n    port = ${tlsPort ?? 0}\n    ssl = yes\n  }\n}`,
      '',
    ].join('\n'),
  );
  // setpriv --pdeathsig: a jest worker killed outright (forceExit, a crash) takes the server down with it.
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((file) => existsSync(file));
  const command = [dovecotBinary('dovecot'), '-F', '-c', config];
  const master: ChildProcess = setpriv
    ? spawn(setpriv, ['--pdeathsig', 'SIGTERM', '--', ...command], { stdio: 'ignore' })
    : spawn(command[0] ?? 'dovecot', command.slice(1), { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => master.once('exit', () => resolve()));
  async function stop(): Promise<void> {
    if (master.exitCode === null) master.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  }
  try {
    await until(() => canConnect(host, port), `no IMAP on ${host}:${port} (see ${dir}/dovecot.log)`);
    if (tlsPort !== undefined) {
      await until(() => canConnect(host, tlsPort), `no IMAPS on ${host}:${tlsPort} (see ${dir}/dovecot.log)`);
    }
  } catch (err) {
    await stop();
    throw err;
  }

  const url = `imap://${user}:${password}@${host}:${port}`;
  async function client(): Promise<ImapFlow> {
    const imap = new ImapFlow({
      host,
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: password },
      logger: false,
    });
    imap.on('error', () => undefined);
    await imap.connect();
    return imap;
  }
  return {
    host,
    port,
    ...(tlsPort !== undefined && { tlsPort }),
    user,
    password,
    url,
    client,
    kick: () => run(dovecotBinary('doveadm'), ['-c', config, 'kick', user]),
    stop,
  };
}

async function selfSignedTls(dir: string): Promise<string[]> {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  const subject = ['-subj', '/CN=localhost', '-days', '2', '-keyout', key, '-out', cert];
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', ...subject]);
  return ['ssl = yes', `ssl_cert = <${cert}`, `ssl_key = <${key}`];
}
