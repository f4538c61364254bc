// @bpmn-io/properties-panel translates its own strings ("Toggle section", "Create new list item", …)
// only when a group is given `translate`, which bpmn-js-properties-panel 6 does not pass on. This
// provider runs last and hands every group our translate.
const LAST = 1;

class TranslatedGroupsProvider {
  constructor(propertiesPanel, translate) {
    this._translate = translate;
    propertiesPanel.registerProvider(LAST, this);
  }

  getGroups() {
    return groups => groups.map(group => ({ ...group, translate: this._translate }));
  }
}

TranslatedGroupsProvider.$inject = ['propertiesPanel', 'translate'];

export default {
  __init__: ['kxTranslatedGroups'],
  kxTranslatedGroups: ['type', TranslatedGroupsProvider],
};
