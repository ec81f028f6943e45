import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  SELLER = 'SELLER',
  CLIENT = 'CLIENT',
}

registerEnumType(Role, { name: 'Role', description: 'What a user may do in the market' });
