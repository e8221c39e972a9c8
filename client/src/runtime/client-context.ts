import { createContext, useContext } from "solid-js";
import type { Client } from "./create-client.ts";

/** Gives widgets the client, to send changes and to know when a run has settled. */
export const ClientContext = createContext<Client>();

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error("edgelit: widgets must render inside <ClientContext.Provider>");
  return client;
}
