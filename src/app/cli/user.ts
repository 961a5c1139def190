import { randomBytes } from 'node:crypto';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { systemActor } from '../../core';
import { getOrganization, listOrganizations } from '../../modules/organizations';
import { createUser, getUser, groupSecret, isRole, listMemberships, listUsers, otpauthUri, resetTotp, ROLES } from '../../modules/users';
import { EXIT, println, type CliIo, type Command } from './io';
import { withApp } from './with-app';

const USAGE = `Usage:
  helder user create --email E --name N --organization SLUG --role ROLE [--role ROLE …] [--password-stdin]
  helder user list
  helder user reset-totp --email E

create      Adds a user with roles in one organization; bootstraps the first admin. Without
            --password-stdin a random password is generated and printed once. Admins must use
            two-factor authentication: the TOTP secret is printed once, to add to an authenticator
            app; the first login asks for a code from it.
list        Every user with their roles and whether two-factor authentication is on.
reset-totp  A new TOTP secret for a user who lost their authenticator; ends their sessions.

Roles: ${ROLES.join(', ')}. Passwords: at least 12 characters.
Exit code 0 when done, 1 when refused (weak password, taken address, unknown organization), 2 on wrong usage.`;

const readStdin = async (stdin: NodeJS.ReadableStream): Promise<string> => {
  let text = '';
  for await (const chunk of stdin) text += String(chunk);
  // One trailing newline is how `echo` and password managers end a line; it is not part of the password.
  return text.replace(/\r?\n$/, '');
};

const parse = (args: string[], options: NonNullable<ParseArgsConfig['options']>, io: CliIo) => {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    println(io.stderr, `helder user: ${(error as Error).message}`);
    println(io.stderr, USAGE);
    return undefined;
  }
};

const printTotp = (io: CliIo, secret: string, email: string): void => {
  println(io.stdout, '');
  println(io.stdout, 'Two-factor authentication is required. Add this account to an authenticator app now');
  println(io.stdout, '(FreeOTP, Aegis, Google or Microsoft Authenticator); this secret is shown only once:');
  println(io.stdout, `  secret:  ${groupSecret(secret)}`);
  println(io.stdout, `  uri:     ${otpauthUri(secret, email)}`);
  println(io.stdout, 'The first login at /editor asks for the code the app shows.');
};

const create = async (args: string[], io: CliIo): Promise<number> => {
  const parsed = parse(args, { email: { type: 'string' }, name: { type: 'string' }, organization: { type: 'string' }, role: { type: 'string', multiple: true }, 'password-stdin': { type: 'boolean' } }, io);
  if (!parsed) return EXIT.usage;
  const { email, name, organization } = parsed.values as { email?: string; name?: string; organization?: string };
  const roles = (parsed.values.role as string[] | undefined) ?? [];
  if (!email || !name || !organization || roles.length === 0 || !roles.every(isRole)) {
    println(io.stderr, roles.some((r) => !isRole(r)) ? `helder user create: unknown role; choose from ${ROLES.join(', ')}` : 'helder user create: --email, --name, --organization and --role are required');
    println(io.stderr, USAGE);
    return EXIT.usage;
  }
  const generated = parsed.values['password-stdin'] ? undefined : randomBytes(15).toString('base64url');
  const password = generated ?? (await readStdin(io.stdin));
  return withApp(io, async (app) => {
    const org = await getOrganization(app.deps, organization);
    const { user, totpSecret } = await createUser(app.deps, systemActor('cli'), { email, name, password, memberships: roles.map((role) => ({ organizationId: org.id, role })) });
    println(io.stdout, `Created user ${user.email} (${user.name}): ${roles.join(', ')} in ${org.slug}.`);
    if (generated) println(io.stdout, `Password (shown only once): ${generated}`);
    if (totpSecret) printTotp(io, totpSecret, user.email);
    return EXIT.ok;
  });
};

const list = async (io: CliIo): Promise<number> =>
  withApp(io, async (app) => {
    const slugOf = new Map((await listOrganizations(app.deps)).map((o) => [o.id as string, o.slug]));
    const users = await listUsers(app.deps);
    if (users.length === 0) println(io.stdout, 'No users yet. Create the first admin with: helder user create … --role admin');
    for (const u of users) {
      const roles = (await listMemberships(app.deps, u.id)).map((m) => `${slugOf.get(m.organizationId) ?? m.organizationId}:${m.role}`);
      println(io.stdout, `${u.email}\t${u.name}\tTOTP ${u.totpEnabled ? 'on' : u.totpPending ? 'pending' : 'off'}${u.disabled ? '\tdisabled' : ''}\t${roles.join(' ') || '(no roles)'}`);
    }
    return EXIT.ok;
  }, { existing: true });

const reset = async (args: string[], io: CliIo): Promise<number> => {
  const parsed = parse(args, { email: { type: 'string' } }, io);
  const email = parsed?.values.email;
  if (typeof email !== 'string') {
    if (parsed) println(io.stderr, USAGE);
    return EXIT.usage;
  }
  return withApp(io, async (app) => {
    const user = await getUser(app.deps, email);
    const { secret } = await resetTotp(app.deps, systemActor('cli'), user.id);
    println(io.stdout, `Two-factor authentication of ${user.email} reset; their sessions are ended.`);
    printTotp(io, secret, user.email);
    return EXIT.ok;
  }, { existing: true });
};

export const userCommand: Command = {
  name: 'user',
  summary: 'create users (the first admin), list them, reset two-factor authentication',
  usage: USAGE,
  run: async (args, io) => {
    const [sub, ...rest] = args;
    if (sub === 'create') return create(rest, io);
    if (sub === 'list' && rest.length === 0) return list(io);
    if (sub === 'reset-totp') return reset(rest, io);
    println(io.stderr, USAGE);
    return EXIT.usage;
  },
};
