export enum Role {
  Admin = 'admin',
  Coe = 'coe',
  Security = 'security',
  Leader = 'leader',
}

export const ALL_ROLES: readonly Role[] = [Role.Admin, Role.Coe, Role.Security, Role.Leader];

/** Who is calling: the token's id, name and role (or the CLI's local operator). */
export interface Actor {
  tokenId: string | null;
  name: string;
  role: Role;
}

/** The CLI runs with the rights of whoever can read the data directory or the database URL. */
export const LOCAL_OPERATOR: Actor = { tokenId: null, name: 'local-cli', role: Role.Admin };
