import { render } from 'preact';

render(<p data-testid="library-page">VNA Reader</p>, document.getElementById('app')!);
