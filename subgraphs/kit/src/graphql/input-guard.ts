// Checks every input value of an operation (inline or in a variable) before any resolver runs: strings PostgreSQL
// cannot store or that no field needs, and custom scalars the gateway's schema only knows by name.
import {
  TypeInfo,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLScalarType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode, requestRefusal } from '../errors';

export interface InputGuardOptions {
  /** No input string of the API needs more (the longest, a product description, is 2,000). */
  maxStringLength: number;
  /** Scalars to check with their real parser, by name (the gateway's supergraph schema parses none). */
  scalars: Record<string, GraphQLScalarType>;
}

/**
 * Walks the arguments of the selected operation and of every fragment, with variables already coerced.
 * Throws BAD_USER_INPUT naming the argument path (`input.caughtAt`) of the first bad value.
 */
export function checkOperationInputs(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  options: InputGuardOptions,
): void {
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (node) => (node === operation ? undefined : false),
      Argument: (node) => {
        const argument = typeInfo.getArgument();
        if (!argument) return;
        const value = valueFromAST(node.value, argument.type, variables);
        checkValue(value, argument.type, node.name.value, options);
      },
    }),
  );
}

function checkValue(value: unknown, type: GraphQLInputType, path: string, options: InputGuardOptions): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) for (const item of value) checkValue(item, nullable.ofType, path, options);
    return;
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      if (fields[name]) checkValue(fieldValue, fields[name].type, `${path}.${name}`, options);
    }
    return;
  }
  if (!isScalarType(nullable)) return;
  if (typeof value === 'string') checkString(value, path, options.maxStringLength);
  const scalar = options.scalars[nullable.name];
  if (scalar) {
    try {
      scalar.parseValue(value);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw badInput(`${path} is not a valid ${nullable.name}: ${reason}`, path);
    }
  }
}

function checkString(value: string, path: string, max: number): void {
  if (value.length > max) throw badInput(`${path} is too long (at most ${max} characters)`, path);
  // PostgreSQL text cannot hold NUL; a lone surrogate is not Unicode at all
  if (value.includes('\u0000')) throw badInput(`${path} must not contain NUL characters`, path);
  if (!value.isWellFormed()) throw badInput(`${path} is not valid Unicode text`, path);
}

const badInput = (message: string, path: string) => requestRefusal(ErrorCode.BAD_USER_INPUT, message, { field: path });
