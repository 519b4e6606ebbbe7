"""Spanish and Portuguese double surnames in names printed `Given Family` (formats.md §12.8).

`María García López` is cited `García López M`: both surnames are the family name. A page
that prints the name in full gives no mark of where the given names end, so the split is
read from the words themselves: the two last words are joined when both look Iberian (a
listed surname, a patronymic in -ez, or a letter only Spanish and Portuguese use) and the
first of them is not a listed given name (`José Luis Rodríguez`, `Ana Beatriz Gonçalves`,
`María Ángeles López` keep one surname). A word that is both (`Martín`, `Vicente`) is a
surname only right after a single given name (`Javier Martín Sanz`). Names of other
languages rarely pass both tests (`David Hughes Jones`, `Hendrik Johannes de Jong` do not);
a Filipino `Maria Santos Cruz` does, and a Brazilian name cited by its last surname only
(`Pereira Oliveira` for `Oliveira`) is read the Spanish way.
"""

from __future__ import annotations

import re

# Common surnames of Spain and Portugal (and Latin America, Brazil), case-folded.
_SURNAMES_WORDS = """
garcía garcia rodríguez rodriguez gonzález gonzalez fernández fernandez lópez lopez martínez
martinez sánchez sanchez pérez perez gómez gomez martín martin jiménez jimenez ruiz
hernández hernandez díaz diaz moreno muñoz munoz álvarez alvarez romero alonso gutiérrez
gutierrez navarro torres domínguez dominguez vázquez vazquez ramos gil ramírez ramirez
serrano blanco molina morales suárez suarez ortega delgado castro ortiz rubio marín marin
sanz núñez nunez iglesias medina garrido cortés cortes castillo santos lozano guerrero cano
prieto méndez mendez cruz calvo gallego vidal león leon márquez marquez herrera peña pena
flores cabrera campos vega fuentes carrasco díez diez caballero reyes nieto aguilar pascual
santana herrero lorenzo montero hidalgo giménez gimenez ibáñez ibanez ferrer durán duran
benítez benitez mora vicente vargas arias carmona crespo román roman pastor soto sáez saez
velasco moya soler parra esteban bravo gallardo rojas llorente silva ferreira pereira
oliveira costa rodrigues martins sousa souza fernandes gonçalves goncalves gomes lopes
marques alves almeida ribeiro pinto carvalho teixeira moreira correia mendes nunes soares
vieira monteiro cardoso rocha neves coelho cunha pires reis simões simoes antunes matos
fonseca machado araújo araujo barbosa tavares lourenço lourenco figueiredo azevedo freitas
vaz barros lima brandão brandao magalhães magalhaes
rivera salazar mejía mejia guzmán guzman acosta contreras espinoza sandoval castellanos valencia
cárdenas cardenas villanueva zamora quintero orozco ochoa salinas robles miranda escobar
"""
SURNAMES = frozenset(_SURNAMES_WORDS.split())
# Given names that stand second in a double given name (`José Luis`, `Ana Beatriz`).
_GIVEN_NAMES_WORDS = """
maría maria josé jose luis luís carlos antonio antónio manuel francisco javier juan pedro
miguel ángel angel jesús jesus rafael fernando pablo alberto jorge sergio alejandro andrés
andres ana isabel carmen teresa elena pilar dolores mercedes rosa paula paulo beatriz sofía
sofia lucía lucia inés ines eduardo ricardo enrique ignacio ramón ramon joaquín joaquin
tomás tomas cristina laura marta eva patricia joão joao filipe gonçalo rui nuno tiago
cláudia claudia martín martin vicente esteban lorenzo pascual román roman santiago cruz
mónica monica raquel silvia diego david daniel gabriel helena margarida catarina mariana
fátima fatima lourdes conceição conceicao graças gracas socorro ángeles angeles concepción
concepcion begoña begona agustín agustin sebastião sebastiao nieves rosário rosario glória
gloria aparecida carmo luz rocío rocio consuelo montserrat asunción asuncion inmaculada
remedios amparo guadalupe soledad joaquim antônio júlia julia vinícius vinicius luísa luisa
"""
GIVEN_NAMES = frozenset(_GIVEN_NAMES_WORDS.split())
# Patronymics (`Domínguez`, `Fernandes`), and the letters only Iberian spelling uses.
PATRONYMIC = re.compile(r"(?:ez|éz)$")  # the Portuguese `-es` ones are listed (`Fernandes`)
IBERIAN_LETTERS = re.compile(r"[áíóúñãõç]")
# Given names with a patronymic's ending (`María Dolores de la Fuente`).
GIVEN_ENDING_ES = frozenset({"dolores", "mercedes", "lourdes", "agnes", "frances", "charles",
                             "james", "andres", "moises", "ines", "aristides", "hercules"})
MIN_SURNAME_LETTERS = 3


def _looks_iberian(word: str) -> bool:
    key = word.casefold()
    return key in SURNAMES or bool(IBERIAN_LETTERS.search(key)) or (
        PATRONYMIC.search(key) is not None and key not in GIVEN_ENDING_ES)


def is_first_surname(given: list[str], family: str, joined: bool = False) -> bool:
    """True when the last of the `given` words is the first of two surnames with `family`
    (`joined`: the family opens with `de la`, `da` …, which shows it Iberian)."""
    if len(given) < 2:  # `García López` alone: no given name to keep
        return False
    word = given[-1]
    key = word.casefold()
    if len(word) < MIN_SURNAME_LETTERS or not word[0].isupper() or "." in word:
        return False
    if key in GIVEN_NAMES and not (key in SURNAMES and len(given) == 2):
        return False
    return _looks_iberian(word) and (joined or _looks_iberian(family))


def follows_particle(word: str, family: str) -> bool:
    """`de la Fuente` before `Ruiz`: the first surname, particles and all (the caller saw the
    particle before `word`)."""
    return word[:1].isupper() and word.casefold() not in GIVEN_NAMES and _looks_iberian(family)
