/** Why a relation may not join two records, as a message: the relation form, the store and an import all say it so. */
import type { EdgeType, EndpointMismatch } from '../domain';
import type { MessageKey } from './en';
import type { KeyedMessage } from './keyedMessage';

/** The message for a relation's end its type does not allow; `name` is how the record at that end is shown. */
export function endpointMismatchMessage(type: EdgeType, mismatch: EndpointMismatch, name: string): KeyedMessage {
  const { end, wants, allowed, actual } = mismatch;
  const label = (value: string): MessageKey =>
    value === 'untyped'
      ? 'network.relation.untyped'
      : ((wants === 'kind' ? `network.kind.${value}` : `network.actorType.${value}`) as MessageKey);
  return {
    key: end === 'from' ? 'network.relation.badStart' : 'network.relation.badEnd',
    params: {
      type: { message: `network.edge.${type}` },
      name,
      actual: { message: label(actual) },
      allowed: { messages: allowed.map(label) },
    },
  };
}
