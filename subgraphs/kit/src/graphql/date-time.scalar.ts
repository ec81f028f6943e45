// The one DateTime scalar of the supergraph: UTC timestamps as ISO-8601 strings.
import { DateTimeResolver } from 'graphql-scalars';
export const DateTimeScalar = DateTimeResolver;
