import { Link } from 'react-router';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useRepresentation } from '../api/representation.ts';
import styles from './Representation.module.scss';

/**
 * On the inbox, for a citizen who may act for someone: whose inbox this is, and the way
 * to another person's (the chooser), so the choice is offered right after login.
 */
export function ChoosePersonPrompt() {
  const { m } = useMessages();
  const data = useRepresentation().data;
  const others = data?.candidates.filter((candidate) => candidate.available) ?? [];
  if (!data || others.length === 0) return null;
  const whose = data.actingFor ? data.actingFor.name : data.self.name;
  return (
    <p className={styles.prompt} data-testid="choose-person-prompt">
      {format(m.representation.promptWhose, { name: whose })} <Link to="/bytt-person">{m.representation.promptLink}</Link>
    </p>
  );
}
