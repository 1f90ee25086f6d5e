import { LanguageSelect } from '@innboks/web-base/language';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useLanguageChoice } from '../use-language-choice.ts';

/** The language switch in the header; a logged-in citizen's choice is saved for every device. */
export function LanguageSwitch({ loggedIn }: { loggedIn: boolean }) {
  const { m } = useMessages();
  const { language, choose, saveFailed } = useLanguageChoice(loggedIn);
  return <LanguageSelect label={m.language.label} value={language} onChange={choose} error={saveFailed ? m.language.saveFailed : undefined} />;
}
