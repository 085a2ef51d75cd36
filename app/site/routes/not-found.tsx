import { data } from "react-router";

export function loader() {
  throw data("La page que vous cherchez n'existe pas ou a été déplacée.", { status: 404 });
}

/** Forms posted to an unknown address get the same 404. */
export function action() {
  throw data("La page que vous cherchez n'existe pas ou a été déplacée.", { status: 404 });
}

export default function NotFound() {
  return null;
}
