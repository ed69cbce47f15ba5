/**
 * Builds the model-free replies from the business config: approved answers with
 * follow-up buttons or a menu, the clarifying question, the fallback menu, handoff.
 */
import type { BusinessConfig } from '../../config/business-schema.ts';
import type { Reply, ReplyButton } from '../../core/reply.ts';
import { BUTTONS_BODY_MAX, charCount } from '../../core/reply-limits.ts';
import { INTENT_PAYLOAD_PREFIX, type IntentCandidate } from '../../core/turn.ts';
import { pick } from './localize.ts';



export class ReplyComposer {
  readonly config: BusinessConfig;
  readonly language: string;

  constructor(config: BusinessConfig, language: string) {
    this.config = config;
    this.language = config.profile.languages.includes(language) ? language : config.profile.default_language;
  }

  text(texts: Record<string, string> | undefined): string {
    return pick(texts, this.language, this.config.profile.default_language) ?? '';
  }

  /** The approved answer of an intent, with its follow-up buttons or menu; undefined if it has none. */
  answer(intentId: string): Reply[] | undefined {
    const intent = this.config.intents[intentId];
    const body = intent && this.text(intent.answer);
    if (!intent || !body) return undefined;
    if (intent.menu) return [{ kind: 'text', body }, this.menu(intent.menu)];
    const buttons = intent.follow_up.map((id) => this.intentButton(id));
    if (buttons.length === 0) return [{ kind: 'text', body }];
    // Longer than a reply-button body allows: the answer goes as text, then the buttons.
    if (charCount(body) <= BUTTONS_BODY_MAX) return [{ kind: 'buttons', body, buttons }];
    return [{ kind: 'text', body }, { kind: 'buttons', body: this.text(this.config.menus.main?.body), buttons }];
  }

  clarify(candidates: IntentCandidate[]): Reply[] {
    const buttons = candidates.slice(0, 3).map((c) => this.intentButton(c.intent));
    return [{ kind: 'buttons', body: this.text(this.config.texts.clarify), buttons }];
  }

  fallback(): Reply[] {
    return [{ kind: 'text', body: this.text(this.config.texts.fallback) }, this.menu('main')];
  }

  handoff(): Reply[] {
    return [{ kind: 'text', body: this.text(this.config.texts.handoff) }];
  }

  unsupported(): Reply[] {
    return [{ kind: 'text', body: this.text(this.config.texts.unsupported) }];
  }

  personalDataWarning(): Reply[] {
    return this.optional(this.config.texts.personal_data_warning);
  }

  distress(): Reply[] {
    return this.optional(this.config.texts.distress);
  }

  private optional(texts: Record<string, string> | undefined): Reply[] {
    const body = this.text(texts);
    return body ? [{ kind: 'text', body }] : [];
  }

  menu(name: string): Reply {
    const menu = this.config.menus[name];
    const items = menu?.items ?? [];
    const rows = items.map((id) => {
      const intent = this.config.intents[id];
      const description = this.text(intent?.summary);
      return { id: `${INTENT_PAYLOAD_PREFIX}${id}`, title: this.text(intent?.title), ...(description ? { description } : {}) };
    });
    return { kind: 'list', body: this.text(menu?.body), button: this.text(menu?.button), sections: [{ rows }] };
  }

  private intentButton(intentId: string): ReplyButton {
    return { id: `${INTENT_PAYLOAD_PREFIX}${intentId}`, title: this.text(this.config.intents[intentId]?.title) };
  }
}
