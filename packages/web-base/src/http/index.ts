// The HTTP client both web apps talk to the server with; each app configures its own `request`.
export { ApiError, isApiError, isUnauthorized, nullWhenUnauthorized } from './api-error.ts';
export { csrfHeaderName, readCookie } from './csrf.ts';
export { createHttpClient, type HttpClientOptions, type Request, type RequestOptions, type ResponseSchema } from './request.ts';
export { sessionIfLoggedIn } from './session-hint.ts';
