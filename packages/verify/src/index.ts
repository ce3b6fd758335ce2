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
