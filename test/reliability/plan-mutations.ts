/**
 * 40 malformed plans, each the valid `test/fixtures/plans/cycle-small.yaml` with one mutation: the YAML path changed
 * (`null` deletes it), the value put there, and what the error must name (the field's path as dondoc prints it).
 */
export interface PlanMutation {
  path: (string | number)[];
  value: unknown;
  /** A substring of the error line, after the file name. */
  expected: string;
}

/** As a mutation's value: the key is removed. */
const DELETE = Symbol('delete');

export const PLAN_MUTATIONS: readonly PlanMutation[] = [
  { path: ['id'], value: '', expected: 'id' },
  { path: ['id'], value: 'Không Hợp Lệ', expected: 'id' },
  { path: ['title'], value: DELETE, expected: 'title' },
  { path: ['title'], value: 42, expected: 'title' },
  { path: ['issuer'], value: DELETE, expected: 'issuer' },
  { path: ['place'], value: '', expected: 'place' },
  { path: ['issuedOn'], value: '31-02', expected: 'issuedOn' },
  { path: ['issuedOn'], value: '2031-02-03', expected: 'issuedOn' },
  { path: ['supervisor'], value: 'khong-co', expected: 'supervisor' },
  { path: ['supervisor'], value: DELETE, expected: 'supervisor' },
  { path: ['leadership', 0, 'email'], value: 'not-an-email', expected: 'leadership[0].email' },
  { path: ['leadership', 0, 'email'], value: 'pho chu tich@thu-nghiem', expected: 'leadership[0].email' },
  { path: ['leadership', 0, 'name'], value: '', expected: 'leadership[0].name' },
  { path: ['units'], value: [], expected: 'units' },
  { path: ['units', 1, 'id'], value: 'xa-tay', expected: 'units[2].id: duplicate' },
  { path: ['units', 2, 'id'], value: 'XA TAY', expected: 'units[2].id' },
  { path: ['units', 1, 'kind'], value: 'village', expected: 'units[1].kind' },
  { path: ['units', 1, 'name'], value: '', expected: 'units[1].name' },
  { path: ['units', 1, 'head'], value: DELETE, expected: 'units[1].head' },
  { path: ['units', 1, 'head', 'email'], value: 'xa-dong@', expected: 'units[1].head.email' },
  { path: ['units', 1, 'head', 'email'], value: 42, expected: 'units[1].head.email' },
  { path: ['units', 1, 'head', 'phone'], value: '12345', expected: 'units[1].head.phone' },
  {
    path: ['forms', 'bao-cao-xa', 'fields', 0, 'required'],
    value: 'có',
    expected: 'forms.bao-cao-xa.fields[0].required',
  },
  { path: ['obligations'], value: [], expected: 'obligations' },
  { path: ['obligations', 0, 'id'], value: 'bao-cao', expected: 'obligations[1].id: duplicate' },
  { path: ['obligations', 0, 'title'], value: '', expected: 'obligations[0].title' },
  { path: ['obligations', 0, 'due'], value: {}, expected: 'obligations[0].due' },
  { path: ['obligations', 0, 'due', 'daysAfterIssue'], value: -3, expected: 'obligations[0].due.daysAfterIssue' },
  { path: ['obligations', 0, 'due', 'daysAfterIssue'], value: 'mười lăm', expected: 'obligations[0].due' },
  { path: ['obligations', 0, 'deliverable'], value: 'video', expected: 'obligations[0].deliverable' },
  { path: ['obligations', 0, 'deliverable'], value: DELETE, expected: 'obligations[0].deliverable' },
  { path: ['obligations', 0, 'appliesTo', 'kinds'], value: ['planet'], expected: 'obligations[0].appliesTo.kinds[0]' },
  { path: ['obligations', 0, 'appliesTo'], value: {}, expected: 'obligations[0].appliesTo' },
  { path: ['obligations', 1, 'form'], value: 'khong-co', expected: 'obligations[1].form' },
  { path: ['obligations', 1, 'due', 'date'], value: '13-40', expected: 'obligations[1].due.date' },
  {
    path: ['obligations', 1, 'aggregate', 'workingDaysAfterDue'],
    value: -1,
    expected: 'obligations[1].aggregate.workingDaysAfterDue',
  },
  { path: ['forms', 'bao-cao-xa', 'fields', 0, 'type'], value: 'colour', expected: 'forms.bao-cao-xa.fields[0].type' },
  { path: ['forms', 'bao-cao-xa', 'fields', 0, 'min'], value: 'zero', expected: 'forms.bao-cao-xa.fields[0].min' },
  { path: ['forms', 'bao-cao-xa', 'fields', 0, 'key'], value: '', expected: 'forms.bao-cao-xa.fields[0].key' },
  { path: ['forms', 'bao-cao-xa', 'fields'], value: [], expected: 'forms.bao-cao-xa.fields' },
];

/** A deep copy of `document` with `mutation` applied. */
export function mutate(document: unknown, mutation: PlanMutation): unknown {
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of mutation.path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = mutation.path[mutation.path.length - 1] as string | number;
  if (mutation.value === DELETE) delete parent[last];
  else parent[last] = mutation.value;
  return copy;
}
