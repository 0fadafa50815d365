import ReactDOM from 'react-dom/client';
import { Panel, type PanelProps } from '@/components/Panel';
import { isArxivAbs, paperRefFromDocument } from '@/utils/detect';
import { sendMessage } from '@/utils/messaging/client';
import './panel.css';

export default defineContentScript({
  matches: ['*://arxiv.org/abs/*', '*://www.arxiv.org/abs/*', '*://export.arxiv.org/abs/*', '*://browse.arxiv.org/abs/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    if (!isArxivAbs()) return;
    const ref = paperRefFromDocument(document);
    if (!ref) return;
    let render: (state: PanelProps['state']) => void = () => {};
    const ui = await createShadowRootUi(ctx, {
      name: 'summary-lens-panel',
      mode: 'closed', // a page script must not read the panel or the user's notes
      position: 'inline',
      anchor: '.extra-services',
      append: 'first',
      onMount(container) {
        const root = ReactDOM.createRoot(container);
        render = (state) => root.render(<Panel state={state} />);
        render({ kind: 'loading' });
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    ui.mount();
    try {
      const { summary } = await sendMessage('lookupPaper', { ref });
      render({ kind: 'ready', summary });
    } catch (error) {
      render({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  },
});
