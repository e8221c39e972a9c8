import type { ElementPath } from "../protocol/index.ts";
import type { RunBinding } from "../runner/run-binding.ts";
import { RerunSignal, StopSignal } from "../runner/signals.ts";
import { EdgelitApiError } from "../errors/api-error.ts";
import { elementApiPrototype, openContainer } from "../elements/element-api.ts";
import { BlockTarget } from "../elements/core/target.ts";
import { pageControlMethods } from "./page-controls.ts";
import { createSessionState } from "./session-state.ts";
import { contextMembers } from "./st-context.ts";
import { secretsMembers } from "./secrets.ts";
import { authMembers } from "./st-auth.ts";
import type { RerunOptions, St } from "./st.ts";

const outside = (where: string): never => {
  throw new EdgelitApiError(
    `A fragment draws only into its own block, not ${where}. To put it there, call it there: myFragment(${where}, args).`,
  );
};

/**
 * What a fragment's `st` has beyond its block's element API, once for every
 * fragment: the URL's query params, page switches (which rerun the whole
 * app), and a `rerun` that can rerun the fragment alone. It cannot reach the
 * sidebar or the bottom (a fragment's reruns redraw only its block), nor
 * declare the app's pages. Made on first use.
 */
let fragmentStPrototype: object | undefined;

function makeFragmentStPrototype(): object {
  const { queryParams, switchPage } = Object.getOwnPropertyDescriptors(pageControlMethods);
  return Object.create(elementApiPrototype, {
    queryParams: queryParams!,
    switchPage: switchPage!,
    ...Object.getOwnPropertyDescriptors(contextMembers),
    ...Object.getOwnPropertyDescriptors(secretsMembers),
    ...Object.getOwnPropertyDescriptors(authMembers),
    ...Object.getOwnPropertyDescriptors({
      rerun(options: RerunOptions = {}): never {
        throw new RerunSignal(options.scope ?? "app");
      },
      stop(): never {
        throw new StopSignal();
      },
      navigation(): never {
        throw new EdgelitApiError(
          "st.navigation belongs to the app's script, not to a fragment: call it before the fragment and pass what the fragment needs as its arguments.",
        );
      },
      get sidebar(): never {
        return outside("st.sidebar");
      },
      get bottom(): never {
        return outside("st.bottom");
      },
    }),
  });
}

/** The `st` a fragment's body gets: the element API of its block at `path`, the session, and the members above. */
export function createFragmentSt(binding: RunBinding, path: ElementPath): St {
  fragmentStPrototype ??= makeFragmentStPrototype();
  return Object.assign(openContainer(new BlockTarget(binding, path), fragmentStPrototype), {
    session: createSessionState(binding),
  }) as unknown as St;
}
