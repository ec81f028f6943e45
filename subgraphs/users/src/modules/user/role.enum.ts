// The kit's Role, exposed as the GraphQL enum the users subgraph owns.
import { registerEnumType } from 'type-graphql';
import { Role } from '@espigon/kit/auth/role';

registerEnumType(Role, { name: 'Role', description: 'What a user may do in the market' });

export { Role };
