// The typed client every front end uses. A transport moves (method, input) across a boundary
// and brings back a Result; the client adds nothing but types.
import type { ApiClient, Transport } from './index.ts';

export function createClient(transport: Transport): ApiClient {
  return {
    call: (method, input) => transport(method, input) as never,
  };
}
