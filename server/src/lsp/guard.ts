// Keeps the server up when a handler throws: a failing request is answered with an LSP error
// (RequestFailed), a failing notification is logged, and the server goes on serving.

import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function guardRequest<P, R>(connection: Connection, method: string, handler: (params: P) => R): (params: P) => R | ResponseError<void> {
  return (params) => {
    try {
      return handler(params);
    } catch (error) {
      connection.console.error(`yieldlens: ${method} failed: ${describe(error)}`);
      return new ResponseError(LSPErrorCodes.RequestFailed, `yieldlens: ${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** guardRequest for a handler that answers later: a rejection is logged and answered with RequestFailed too. */
export function guardAsyncRequest<P, R>(connection: Connection, method: string, handler: (params: P, token: CancellationToken) => Promise<R>): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      connection.console.error(`yieldlens: ${method} failed: ${describe(error)}`);
      return new ResponseError(LSPErrorCodes.RequestFailed, `yieldlens: ${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

export function guardNotification<P>(connection: Connection, method: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch((error: unknown) => connection.console.error(`yieldlens: ${method} failed: ${describe(error)}`));
    } catch (error) {
      connection.console.error(`yieldlens: ${method} failed: ${describe(error)}`);
    }
  };
}
