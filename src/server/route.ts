// The route helper lives in the kernel so that modules declare routes without importing the server.
export * from '../kernel/http/route.js';
