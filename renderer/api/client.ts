// The only code that calls the main process. Stores call `api.invoke` with a
// channel of the contract and get its typed response, or a StudioError.
import type { ChannelName, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { ErrorCode } from '../../shared/ipc/errors';
import type { Message } from '../../shared/messages/message';
import type { StudioEvent, StudioEvents, StudioEventType } from '../../shared/ipc/events';
import { createTransport, type ConnectionState, type Transport } from './transport';

export class StudioError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  /** The message as data, for renderer/i18n/words.ts to word in the UI's language. */
  readonly msg: Message | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, msg?: Message) {
    super(message);
    this.name = 'StudioError';
    this.code = code;
    this.details = details;
    this.msg = msg;
  }
}

export class StudioApi {
  constructor(private readonly transport: Transport) {}

  get host(): 'electron' | 'web' {
    return this.transport.host;
  }

  async invoke<K extends ChannelName>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    const result = await this.transport.invoke(channel, request);
    if (result.ok) return result.value as ResponseOf<K>;
    throw new StudioError(result.error.code, result.error.message, result.error.details, result.error.msg);
  }

  on<K extends StudioEventType>(type: K, listener: (payload: StudioEvents[K]) => void): () => void {
    return this.transport.onEvent((event: StudioEvent) => {
      if (event.type === type) listener(event.payload as StudioEvents[K]);
    });
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    return this.transport.onConnection(listener);
  }
}

let instance: StudioApi | null = null;

export function useApi(): StudioApi {
  instance ??= new StudioApi(createTransport());
  return instance;
}
