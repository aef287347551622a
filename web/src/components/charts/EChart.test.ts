import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for ECharts: what the wrapper asks of it is recorded, nothing is drawn.
const chart = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() };
const init = vi.fn((element: HTMLElement) => {
  void element;
  return chart;
});
vi.mock('echarts/core', () => ({ init: (element: HTMLElement) => init(element) }));

// The box's size changes are told by hand.
const observed: { callback: () => void; elements: Element[]; disconnected: boolean }[] = [];
class FakeResizeObserver {
  private readonly entry: (typeof observed)[number];
  constructor(callback: () => void) {
    this.entry = { callback, elements: [], disconnected: false };
    observed.push(this.entry);
  }
  observe(element: Element): void {
    this.entry.elements.push(element);
  }
  disconnect(): void {
    this.entry.disconnected = true;
  }
}

const { default: EChart } = await import('./EChart.vue');

describe('EChart', () => {
  beforeEach(() => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    observed.length = 0;
    init.mockClear();
    chart.setOption.mockClear();
    chart.resize.mockClear();
    chart.dispose.mockClear();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('draws the option into its own element, which keeps the class and test id given', () => {
    const option = { series: [{ type: 'bar', data: [1, 2] }] };
    const wrapper = mount(EChart, { props: { option }, attrs: { class: 'chart', 'data-test': 'thing-chart' } });
    expect(init).toHaveBeenCalledWith(wrapper.element);
    expect(chart.setOption).toHaveBeenCalledWith(option);
    expect(wrapper.classes()).toContain('chart');
    expect(wrapper.attributes('data-test')).toBe('thing-chart');
  });

  it('replaces the option when given a new one', async () => {
    const wrapper = mount(EChart, { props: { option: { series: [{ type: 'bar', data: [1] }] } } });
    const second = { series: [{ type: 'line', data: [2] }] };
    await wrapper.setProps({ option: second });
    expect(chart.setOption).toHaveBeenLastCalledWith(second, { notMerge: true });
    expect(init).toHaveBeenCalledTimes(1);
  });

  it('follows the size of its box and lets go of the chart when it goes', () => {
    const wrapper = mount(EChart, { props: { option: {} } });
    expect(observed[0].elements).toEqual([wrapper.element]);
    observed[0].callback();
    expect(chart.resize).toHaveBeenCalledTimes(1);
    wrapper.unmount();
    expect(observed[0].disconnected).toBe(true);
    expect(chart.dispose).toHaveBeenCalledTimes(1);
  });
});
