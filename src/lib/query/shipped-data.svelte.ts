/**
 * Whether the data on screen is the data the site was built with. Only then may build-time
 * answers (prerendered and one-click figures) stand in for the engine. The app sets it (the
 * layout follows the engine's data); query/ never asks db/ (they do not import each other).
 */
class ShippedData {
  current = $state(true);
}

export const shippedData = new ShippedData();
