/**
 * The one validation layer of request parameters: a JSON Schema per request method the server
 * handles (validated with ajv), applied by `onRequestChecked` before the handler runs. A
 * request whose params do not match is answered with -32602 (InvalidParams) and a message
 * naming the first problem, instead of an internal error or a result built from `NaN`.
 *
 * Positions must be LSP `uinteger`s (whole numbers 0 … 2^31 − 1). A position past the end of a
 * line or of the document is valid and is clamped, as the LSP specification says.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { ErrorCodes, ParameterStructures, RequestType, ResponseError, type CancellationToken, type Connection, type HandlerResult } from 'vscode-languageserver/node';
import { BriefStatusRequest, IsBriefRequest } from '../protocol';

const uinteger = { type: 'integer', minimum: 0, maximum: 2147483647 };
const position = { type: 'object', required: ['line', 'character'], properties: { line: uinteger, character: uinteger } };
const range = { type: 'object', required: ['start', 'end'], properties: { start: position, end: position } };
const textDocument = { type: 'object', required: ['uri'], properties: { uri: { type: 'string' } } };
const documentParams = { type: 'object', required: ['textDocument'], properties: { textDocument } };
const positionParams = { type: 'object', required: ['textDocument', 'position'], properties: { textDocument, position } };

/** JSON Schema of the params of every request method the server handles (LSP 3.17 shapes, the parts the server reads). */
export const PARAM_SCHEMAS: Record<string, object> = {
  'textDocument/completion': { ...positionParams, properties: { ...positionParams.properties, context: { type: 'object' } } },
  'completionItem/resolve': { type: 'object', required: ['label'], properties: { label: { type: 'string' } } },
  'textDocument/hover': positionParams,
  'textDocument/codeAction': {
    type: 'object',
    required: ['textDocument', 'range', 'context'],
    properties: {
      textDocument,
      range,
      context: {
        type: 'object',
        required: ['diagnostics'],
        properties: { diagnostics: { type: 'array', items: { type: 'object' } }, only: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
  'textDocument/documentSymbol': documentParams,
  'textDocument/foldingRange': documentParams,
  'textDocument/documentLink': documentParams,
  'textDocument/diagnostic': {
    ...documentParams,
    properties: { ...documentParams.properties, identifier: { type: 'string' }, previousResultId: { type: 'string' } },
  },
  'textDocument/references': {
    ...positionParams,
    required: ['textDocument', 'position', 'context'],
    properties: { ...positionParams.properties, context: { type: 'object', required: ['includeDeclaration'], properties: { includeDeclaration: { type: 'boolean' } } } },
  },
  'textDocument/definition': positionParams,
  'textDocument/codeLens': documentParams,
  'workspace/symbol': { type: 'object', required: ['query'], properties: { query: { type: 'string' } } },
  'workspace/executeCommand': { type: 'object', required: ['command'], properties: { command: { type: 'string' }, arguments: { type: 'array' } } },
  [IsBriefRequest.method]: { type: 'object', required: ['uri'], properties: { uri: { type: 'string' } } },
  [BriefStatusRequest.method]: { type: 'object', required: ['uri'], properties: { uri: { type: 'string' } } },
};

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/**
 * Throws a `ResponseError` with code -32602 (InvalidParams) when `params` do not match the
 * schema of `method`. A method without a schema is a programming error (throws `Error`).
 */
export function assertParams(method: string, params: unknown): void {
  let validate = validators.get(method);
  if (!validate) {
    const schema = PARAM_SCHEMAS[method];
    if (!schema) throw new Error(`No parameter schema for ${method}`);
    ajv ??= new Ajv({ allErrors: false, strict: false });
    validate = ajv.compile(schema);
    validators.set(method, validate);
  }
  if (validate(params)) return;
  const error = validate.errors?.[0];
  const where = error?.instancePath ? `params${error.instancePath.replace(/\//g, '.')}` : 'params';
  throw new ResponseError(ErrorCodes.InvalidParams, `Invalid params of ${method}: ${where} ${error?.message ?? 'are malformed'}.`);
}

/**
 * Registers `handler` for the request `method` behind the parameter check (see `assertParams`).
 * Every request handler of the server is registered this way, on the plain JSON-RPC request
 * (by-name params), so nothing reads the params before they are checked (the LSP helpers such
 * as `connection.onCodeAction` read `params.workDoneToken` first and fail on `null`).
 */
export function onRequestChecked<P, R>(connection: Connection, method: string, handler: (params: P, token: CancellationToken) => R | Promise<R>): void {
  connection.onRequest(new RequestType<P, R, void>(method, ParameterStructures.byName), (params: P, token: CancellationToken): HandlerResult<R, void> => {
    assertParams(method, params);
    return handler(params, token) as HandlerResult<R, void>;
  });
}
