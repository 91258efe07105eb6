export { startWebServer, DEFAULT_MAX_MESSAGE_BYTES } from './web-server'
export type { WebServer, WebServerOptions } from './web-server'
export { createAccessToken, isLoopbackHost } from './web-access'
export { CONTENT_SECURITY_POLICY } from './security-headers'
