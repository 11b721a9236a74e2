/**
 * The RaaS v2 endpoints documented in spec/ (the 2020 Swagger file and today's OpenAPI extract),
 * for `tango api`'s completions and for how `--paginate` walks each list. Written out here rather
 * than read from spec/ at run time: the bundle must not read files to build its help or
 * completions. test/unit/api-paths.test.ts checks the list against spec/ so it cannot drift.
 */

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** How a list endpoint pages: Tango's cursors (`paginate`, `nextCursor`) or page numbers (`page`). */
export type Paging = 'cursor' | 'page';

export interface DocumentedPath {
  path: string;
  methods: readonly HttpMethod[];
  /** For a GET that answers one page at a time. */
  paging?: Paging;
}

export const DOCUMENTED_PATHS: readonly DocumentedPath[] = [
  { path: '/accounts', methods: ['GET'], paging: 'cursor' },
  { path: '/accounts/{accountIdentifier}', methods: ['GET'] },
  { path: '/catalogs', methods: ['GET'] },
  { path: '/creditCardDeposits', methods: ['POST'] },
  { path: '/creditCardDeposits/{depositId}', methods: ['GET'] },
  { path: '/creditCardUnregisters', methods: ['POST'] },
  { path: '/creditCards', methods: ['GET', 'POST'] },
  { path: '/creditCards/{token}', methods: ['GET'] },
  { path: '/customers', methods: ['GET', 'POST'], paging: 'cursor' },
  { path: '/customers/{customerIdentifier}', methods: ['GET'] },
  { path: '/customers/{customerIdentifier}/accounts', methods: ['GET', 'POST'], paging: 'cursor' },
  { path: '/customers/{customerIdentifier}/accounts/{accountIdentifier}', methods: ['PATCH'] },
  {
    path: '/customers/{customerIdentifier}/accounts/{accountIdentifier}/lowbalance',
    methods: ['GET', 'POST'],
    paging: 'page',
  },
  {
    path: '/customers/{customerIdentifier}/accounts/{accountIdentifier}/lowbalance/{balanceAlertID}',
    methods: ['GET', 'PATCH', 'DELETE'],
  },
  { path: '/emailTemplates', methods: ['GET', 'POST'], paging: 'page' },
  { path: '/emailTemplates/{etid}', methods: ['GET', 'PATCH', 'DELETE'] },
  { path: '/exchangerates', methods: ['GET'] },
  { path: '/orders', methods: ['GET', 'POST'], paging: 'page' },
  { path: '/orders/{referenceOrderID}', methods: ['GET'] },
  { path: '/orders/{referenceOrderID}/resends', methods: ['POST'] },
];

/** How the documented endpoint matching `path` pages; cursors for anything undocumented. */
export function pagingOf(path: string): Paging {
  const segments = path.split('/');
  const match = DOCUMENTED_PATHS.find(({ path: template }) => {
    const parts = template.split('/');
    return parts.length === segments.length && parts.every((part, i) => part.startsWith('{') || part === segments[i]);
  });
  return match?.paging ?? 'cursor';
}
