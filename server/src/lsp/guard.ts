// Keeps the server up when a handler throws: a failing request is answered with an LSP error
// (RequestFailed), a failing notification is logged, and the server goes on serving. A request the
// client cancelled (`$/cancelRequest`) is answered with RequestCancelled: before it starts, and for one
// answered later, as soon as what it waits for notices (`RequestCancelledError`) or when it ends.

import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Thrown (or rejected with) by what a request awaits once the request's token is cancelled. */
export class RequestCancelledError extends Error {
  constructor() {
    super('the request was cancelled');
  }
}

function cancelled(method: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `yieldlens: ${method} was cancelled`);
}

export function guardRequest<P, R>(connection: Connection, method: string, handler: (params: P) => R): (params: P, token?: CancellationToken) => R | ResponseError<void> {
  return (params, token) => {
    // Cancelled while it waited behind other messages: nobody reads the answer.
    if (token?.isCancellationRequested === true) return cancelled(method);
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
    if (token.isCancellationRequested) return cancelled(method);
    try {
      const result = await handler(params, token);
      return token.isCancellationRequested ? cancelled(method) : result;
    } catch (error) {
      if (error instanceof RequestCancelledError || token.isCancellationRequested) return cancelled(method);
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
