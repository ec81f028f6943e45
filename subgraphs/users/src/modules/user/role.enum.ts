// The kit's Role, exposed as the GraphQL enum the users subgraph owns.
import { registerEnumType } from 'type-graphql';
import { Role } from '@espigon/kit/auth/role';

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do in the market',
  valuesConfig: {
    ADMIN: { description: "Runs the market: sees every account, order and payment; adds categories and partners; acts on any seller's behalf" },
    SELLER: { description: 'A fisher or stall owner: lists products, manages their stock, serves and is paid for its orders' },
    CLIENT: { description: 'A buyer (household, restaurant, reseller): fills a cart, checks out, pays, follows its orders' },
  },
});

export { Role };
