import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Role } from '../user/role.enum';
import { User } from '../user/user.entity';

@ObjectType({ description: 'Tokens for a session: send the access token as "Authorization: Bearer …"' })
export class AuthPayload {
  @Field({ description: 'An ES256 JWT for the Authorization header, valid for expiresIn seconds (at most 15 minutes)' })
  accessToken!: string;

  @Field({ description: 'Single use, valid 30 days by default: refreshToken exchanges it for a new pair' })
  refreshToken!: string;

  @Field(() => Int, { description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @Field(() => User, { description: 'The account the session is for' })
  user!: User;
}

@InputType({ description: 'A new account: every field is checked before anything is stored (BAD_USER_INPUT naming the field)' })
export class RegisterInput {
  @Field({
    description:
      'Plain ASCII, at most 254 characters (an internationalised domain in punycode); stored lower-case; CONFLICT when it is already registered',
  })
  email!: string;

  @Field({ description: '10 to 128 characters with letters and digits, and not the email (nor its part before the @)' })
  password!: string;

  @Field({ description: 'Display name: 1 to 120 characters on one line, without control or invisible characters' })
  name!: string;

  @Field(() => Role, { description: 'CLIENT or SELLER; ADMIN only when an ADMIN registers the account (FORBIDDEN otherwise)' })
  role!: Role;

  @Field(() => String, {
    nullable: true,
    description: 'Optional: 7 to 20 characters of digits, spaces, parentheses and hyphens after an optional +, e.g. +593 99 123 4567',
  })
  phone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Required for sellers: the stall's name at the pier, 1 to 100 characters on one line (ignored for clients)",
  })
  stallName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Sellers, optional: where the stall is (dock, number), up to 50 characters on one line (ignored for clients)',
  })
  pierSection?: string | null;
}
