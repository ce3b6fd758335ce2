import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { unauthenticated } from '../../common/app-error.js';
import type { GraphQLContext } from '../../context.js';
import { requirePrincipal } from './authorization.js';
import type { Principal } from './principal.js';
import {
  Me,
  PrincipalKind,
  SignInInput,
  SetPasswordInput,
  SetPasswordPayload,
  SignInPayload,
  SignOutPayload,
  SwitchAccountInput,
  SwitchAccountPayload,
} from './auth.types.js';

const describe = async (context: GraphQLContext, principal: Principal): Promise<Me> => {
  const caller = { principal, ip: context.ip };
  const [account, accounts, user] = await Promise.all([
    context.services.accounts.current(caller),
    context.services.accounts.accountsOf(caller),
    principal.kind === 'user' ? context.services.accounts.user(principal.userId) : null,
  ]);
  return {
    kind: principal.kind === 'user' ? PrincipalKind.USER : PrincipalKind.API_KEY,
    user,
    apiKey: principal.kind === 'api-key' ? { id: principal.apiKeyId, key: principal.key } : null,
    account,
    accounts,
    resources: [...principal.resources].sort(),
  };
};

@Resolver()
export class AuthResolver {
  @Query(() => Me, { description: 'The caller. UNAUTHENTICATED when nobody is signed in.' })
  async me(@Ctx() context: GraphQLContext): Promise<Me> {
    // Same code as every other operation: RATE_LIMITED, EXPIRED or FORBIDDEN when that is why.
    return describe(context, requirePrincipal(context));
  }

  @Mutation(() => SignInPayload, { description: 'Starts a session in an httpOnly cookie.' })
  async signIn(
    @Arg('input', () => SignInInput) input: SignInInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SignInPayload> {
    const { sessionCookie, expiresAt, knownDevice } = await context.services.authentication.signIn(
      input.email,
      input.password,
      context.ip,
      context.cookies.knownDevice(),
    );
    context.cookies.set(sessionCookie, expiresAt);
    context.cookies.rememberDevice(knownDevice);
    const principal = await context.services.authentication.fromSessionCookie(sessionCookie);
    if (!principal) throw unauthenticated();
    return { me: await describe(context, principal) };
  }

  @Mutation(() => SetPasswordPayload, {
    description:
      'Accepts an invitation for a new person through its single-use link: creates the user with this password and the membership. CONFLICT when the email already has an account (sign in, then acceptInvitation).',
  })
  async setPassword(
    @Arg('input', () => SetPasswordInput) input: SetPasswordInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SetPasswordPayload> {
    const email = await context.services.invitations.acceptWithPassword(
      input.token,
      input.password,
      context.ip,
    );
    return { passwordSet: true, email };
  }

  @Mutation(() => SignOutPayload)
  async signOut(@Ctx() context: GraphQLContext): Promise<SignOutPayload> {
    await context.services.authentication.signOut(context);
    context.cookies.clear();
    return { signedOut: true };
  }

  @Mutation(() => SwitchAccountPayload, {
    description: "Moves the session to another of the user's accounts.",
  })
  async switchAccount(
    @Arg('input', () => SwitchAccountInput) input: SwitchAccountInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SwitchAccountPayload> {
    const principal = await context.services.authentication.switchAccount(context, input.accountId);
    return { me: await describe(context, principal) };
  }
}
