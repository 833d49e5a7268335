import type { z } from 'zod';

/**
 * A channel: the zod schema that validates its request (in main, before any
 * service sees it) and a phantom type for its response. Responses are not
 * validated at runtime because main produces them; the type is enough.
 */
export interface ChannelDef<Req extends z.ZodType, Res> {
  request: Req;
  /** Phantom: never set, only carries the response type. */
  readonly response?: Res;
}

/** `channel(schema).returns<Response>()`: the request type is inferred from the schema. */
export function channel<Req extends z.ZodType>(request: Req) {
  return {
    returns<Res>(): ChannelDef<Req, Res> {
      return { request };
    },
  };
}
