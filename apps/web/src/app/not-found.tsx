import Link from "next/link";
import { buttonClass } from "~/components/button";
import { EmptyState } from "~/components/empty-state";

export default function NotFound() {
  return (
    <EmptyState
      headingLevel={1}
      icon="❀"
      title="We could not find that page"
      action={
        <Link href="/stores" className={buttonClass("primary")}>
          Browse stores
        </Link>
      }
    >
      <p>The link may be old, or the page has moved.</p>
    </EmptyState>
  );
}
