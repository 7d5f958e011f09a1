/**
 * Hand-written OpenAPI-shaped types for routes the web app calls before the server publishes
 * them (types.ts merges them under the generated ones, which win as soon as the server has the
 * path). Empty now: every route the pages call is in schema.d.ts. To add one, write an entry as
 * `'/{teamId}/x.json': { get: { parameters: { path: { teamId: string } }; responses: { 200: {
 * content: { 'application/json': X } } } } }` and delete it once `npm run gen:api` generates it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PendingPaths {}
