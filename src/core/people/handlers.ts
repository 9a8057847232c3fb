import type { HandlersOf } from '../../shared/contract/define.ts';
import type { peopleMethods } from '../../shared/contract/people.ts';
import type { CoreSession } from '../session.ts';
import { addHandler } from './add.ts';
import { listHandler } from './list.ts';
import { removeHandler } from './remove.ts';
import { showHandler } from './show.ts';
import { updateHandler } from './update.ts';

export function peopleHandlers(session: CoreSession): HandlersOf<typeof peopleMethods> {
  return {
    'people.list': listHandler(session),
    'people.show': showHandler(session),
    'people.add': addHandler(session),
    'people.update': updateHandler(session),
    'people.remove': removeHandler(session),
  };
}
