// The distributors list lives in one vault-wide document: members and membership requests.
import type { DistributorMember, MembershipRequest } from '../../shared/contract/distributors.ts';
import { EmbargoError } from '../../shared/errors.ts';
import type { CoreSession } from '../session.ts';
import { mutateDocument, readDocument, type DocumentSpec } from '../keyring/vault-document.ts';

export interface DistributorsDocument {
  schemaVersion: number;
  members: Record<string, DistributorMember>;
  requests: Record<string, MembershipRequest>;
}

export const DISTRIBUTORS_DOCUMENT: DocumentSpec<DistributorsDocument> = {
  name: 'distributors',
  initial: () => ({ schemaVersion: 1, members: {}, requests: {} }),
};

export function readDistributors(session: CoreSession): Promise<DistributorsDocument> {
  return readDocument(session, DISTRIBUTORS_DOCUMENT);
}

export function mutateDistributors<R>(session: CoreSession, change: (draft: DistributorsDocument) => Promise<R> | R): Promise<R> {
  return mutateDocument(session, DISTRIBUTORS_DOCUMENT, change);
}

export function requireMember(document: DistributorsDocument, id: string): DistributorMember {
  const member = document.members[id];
  if (!member) throw new EmbargoError('NotFound', `No distributor with id ${id}.`, { what: 'distributor', id });
  return member;
}

export function requireRequest(document: DistributorsDocument, id: string): MembershipRequest {
  const request = document.requests[id];
  if (!request) throw new EmbargoError('NotFound', `No membership request with id ${id}.`, { what: 'membership request', id });
  return request;
}
