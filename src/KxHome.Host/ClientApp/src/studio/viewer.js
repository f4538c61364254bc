// KxStudio.createViewer: a read-only, navigable diagram for watching cases and comparing versions.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

import translateModule from './translate.js';
import { openDiagram } from './open-diagram.js';
import { Markers } from './markers.js';

export function createViewer({ container }) {
  const viewer = new NavigatedViewer({
    container,
    moddleExtensions: { camunda: camundaModdle },
    additionalModules: [translateModule],
  });
  const markers = new Markers(viewer);
  return {
    open: xml => openDiagram(viewer, xml),
    // cssClass: kx-completed, kx-active, kx-incident, kx-added, kx-removed, kx-changed (see kx-studio.css).
    mark: (ids, cssClass) => markers.mark(ids, cssClass),
    // html is inserted as is: callers escape anything that came from users. Returns the overlay id.
    overlay: (elementId, html, position) => markers.overlay(elementId, html, position),
  };
}
