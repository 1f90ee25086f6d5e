import Button from '@helsenorge/designsystem-react/components/Button';
import styles from './StartPage.module.scss';

/** The way in: a large link that starts the login (a browser navigation, so the identity provider can take over), and a line under it. */
export function LoginLink({ href, label, hint }: { href: string; label: string; hint: string }) {
  return (
    <div className={styles.login}>
      <Button htmlMarkup="a" href={href} size="large" arrow="icon">
        {label}
      </Button>
      <p className={styles.hint}>{hint}</p>
    </div>
  );
}
