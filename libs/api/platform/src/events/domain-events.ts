import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/**
 * The in-process event bus (DESIGN §1): stages announce what they committed, and whatever may lag
 * (live updates, alerts, reply dispatch) listens. Payload types live in contracts.
 */
@Injectable()
export class DomainEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(50);
  }

  emit<T>(name: string, payload: T): void {
    this.emitter.emit(name, payload);
  }

  on<T>(name: string, listener: (payload: T) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
