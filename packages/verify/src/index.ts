export {
  createVerifier,
  KeywardVerifier,
  VerifierError,
  type Verification,
  type VerificationCode,
  type VerifierOptions,
  type VerifyRequest,
} from './verifier.js';
export {
  expressMiddleware,
  fastifyPreHandler,
  guard,
  honoMiddleware,
  type GuardOptions,
  type GuardOutcome,
  type KeywardPrincipal,
} from './middleware.js';
/** How the server counts a caller's address for throttling (an IPv6 client by its /64). */
export { throttleSourceOf } from './throttle-source.js';
