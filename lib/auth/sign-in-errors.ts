/** What the sign-in page and Settings → Account say for next-auth's and our `?error=` codes. */
export const SIGN_IN_ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: "The email or password is incorrect.",
  RateLimited: "Too many sign-in attempts. Wait a few minutes and try again.",
  OAuthEmailTaken:
    "An account with this email already exists. Sign in with your email and password, then connect this provider in Settings → Account → Connected accounts.",
  OAuthEmailUnverified:
    "The provider did not confirm that this email address is verified. Verify it with the provider, or sign up with email and password.",
  OAuthNoEmail: "The provider did not share an email address. Sign up with email and password instead.",
  OAuthLinkedElsewhere: "This provider account is already connected to another ClaimDesk account.",
  OAuthProviderAlreadyLinked: "Your account is already connected to another account of this provider. Disconnect it first.",
  OAuthAccountNotLinked: "This email already signs in another way. Use the method you used before.",
};

export function signInErrorMessage(code: string): string {
  return SIGN_IN_ERROR_MESSAGES[code] ?? "Sign-in failed. Try again.";
}
