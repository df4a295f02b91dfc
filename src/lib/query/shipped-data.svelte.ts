/**
 * Whether the data on screen is the data the site was built with. Only then may build-time
 * answers (prerendered and one-click figures) stand in for the engine. The app tells it how
 * to know (`follow`, reading reactive state: the layout passes the engine's data); query/
 * never asks db/ itself (they do not import each other).
 */
class ShippedData {
  private source: () => boolean = () => true;

  get current(): boolean {
    return this.source();
  }

  follow(source: () => boolean): void {
    this.source = source;
  }
}

export const shippedData = new ShippedData();
