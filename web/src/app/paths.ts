/** Where a signed-in member lands; kept apart from the module registry so the login page stays small. */
export const HOME_PATH = '/dashboard';
