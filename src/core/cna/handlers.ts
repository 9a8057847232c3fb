import type { Handlers } from '../../shared/contract/index.ts';
import type { CoreSession } from '../session.ts';
import { importCveRecord } from './import-record.ts';
import { addToPool, assignCve, listPool } from './pool.ts';
import { cveStatus, publishBundle, recordReview, reviewText } from './review.ts';

type CnaHandlers = Pick<Handlers, 'cve.poolAdd' | 'cve.poolList' | 'cve.assign' | 'cve.status' | 'cve.reviewText' | 'cve.review' | 'cve.publishBundle' | 'cve.import'>;

export function cnaHandlers(session: CoreSession): CnaHandlers {
  return {
    'cve.poolAdd': async ({ entries }) => addToPool(session, entries),
    'cve.poolList': async (filter) => listPool(session, filter),
    'cve.assign': async ({ id, cve }) => assignCve(session, id, cve),
    'cve.status': async ({ id }) => cveStatus(session, id),
    'cve.reviewText': async ({ id, output }) => reviewText(session, id, output),
    'cve.review': async ({ id, signature }) => recordReview(session, id, signature),
    'cve.publishBundle': async ({ id, dir }) => publishBundle(session, id, dir),
    'cve.import': async (input) => importCveRecord(session, input),
  };
}
