import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Role } from '../user/role.enum';
import { User } from '../user/user.entity';

@ObjectType({ description: 'Tokens for a session: send the access token as "Authorization: Bearer …"' })
export class AuthPayload {
  @Field()
  accessToken!: string;

  @Field({ description: 'Single use: each refresh returns a new one' })
  refreshToken!: string;

  @Field(() => Int, { description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @Field(() => User)
  user!: User;
}

@InputType()
export class RegisterInput {
  @Field()
  email!: string;

  @Field()
  password!: string;

  @Field()
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "Required for sellers: the stall's name at the pier" })
  stallName?: string | null;

  @Field(() => String, { nullable: true, description: 'Sellers: where the stall is (dock, number)' })
  pierSection?: string | null;
}
