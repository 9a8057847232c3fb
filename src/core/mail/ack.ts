// `mail.ack`: Record a distributor's answer to a notice: acknowledged, tested (with or without problems), not
// affected.
import type { HandlerOf } from '../../shared/contract/define.ts';
import type { mailMethods } from '../../shared/contract/mail.ts';
import type { CoreSession } from '../session.ts';
import { recordAck } from './acks.ts';

export function ackHandler(session: CoreSession): HandlerOf<(typeof mailMethods)['mail.ack']> {
  return async (input) => recordAck(session, input);
}
