ITEMS = []
def T(group, code, narrative, classes, evidence, why):
    ITEMS.append(dict(group=group, kind=None, nsir_code=code, narrative=" ".join(narrative.split()),
                      crime=True, classes=classes, evidence=evidence, why=why))
def F(kind, code, narrative, why):
    ITEMS.append(dict(group='N', kind=kind, nsir_code=code, narrative=" ".join(narrative.split()),
                      crime=False, classes=[], evidence=[], why=why))
