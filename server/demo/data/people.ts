import type { CountryCode } from '../../../shared/domain/codes';

/** Given names and surnames as they appear in collection files of each market. */
export const HISPANIC_GIVEN = {
  f: [
    'María', 'Luisa', 'Ana', 'Carolina', 'Diana', 'Paola', 'Andrea', 'Natalia', 'Valentina', 'Camila', 'Daniela',
    'Claudia', 'Sandra', 'Gloria', 'Patricia', 'Adriana', 'Marcela', 'Lucía', 'Fernanda', 'Guadalupe', 'Rosa',
    'Verónica', 'Alejandra', 'Isabel', 'Juana', 'Esperanza', 'Catalina', 'Javiera', 'Constanza', 'Ximena',
    'Gabriela', 'Mónica', 'Liliana', 'Yolanda', 'Beatriz', 'Milagros', 'Rocío', 'Elena', 'Silvia', 'Leticia',
  ],
  m: [
    'José', 'Luis', 'Juan', 'Carlos', 'Jorge', 'Andrés', 'Felipe', 'Diego', 'Santiago', 'Sebastián', 'Alejandro',
    'Miguel', 'Ángel', 'Fernando', 'Ricardo', 'Héctor', 'Óscar', 'Julián', 'Camilo', 'Mauricio', 'Hernán',
    'Rodrigo', 'Cristián', 'Matías', 'Francisco', 'Jesús', 'Alberto', 'Raúl', 'Eduardo', 'Víctor', 'Manuel',
    'Pedro', 'Pablo', 'Álvaro', 'Gustavo', 'Wilson', 'Jhon', 'Edwin', 'Iván', 'Arturo',
  ],
} as const;

export const SURNAMES: Record<Exclude<CountryCode, 'US' | 'AR'>, readonly string[]> = {
  CO: [
    'Rodríguez', 'Gómez', 'González', 'Martínez', 'García', 'López', 'Hernández', 'Sánchez', 'Ramírez', 'Pérez',
    'Díaz', 'Muñoz', 'Rojas', 'Moreno', 'Jiménez', 'Vargas', 'Castro', 'Gutiérrez', 'Ortiz', 'Restrepo',
    'Osorio', 'Cardona', 'Ospina', 'Giraldo', 'Zapata', 'Valencia', 'Quintero', 'Londoño', 'Arango', 'Mejía',
  ],
  CL: [
    'González', 'Muñoz', 'Rojas', 'Díaz', 'Pérez', 'Soto', 'Contreras', 'Silva', 'Martínez', 'Sepúlveda',
    'Morales', 'Rodríguez', 'López', 'Fuentes', 'Hernández', 'Torres', 'Araya', 'Flores', 'Espinoza', 'Valenzuela',
    'Castillo', 'Tapia', 'Reyes', 'Gutiérrez', 'Castro', 'Pizarro', 'Álvarez', 'Vásquez', 'Sánchez', 'Fernández',
  ],
  MX: [
    'Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz',
    'Flores', 'Gómez', 'Morales', 'Vázquez', 'Reyes', 'Jiménez', 'Torres', 'Díaz', 'Gutiérrez', 'Ruiz',
    'Mendoza', 'Aguilar', 'Ortiz', 'Moreno', 'Castillo', 'Romero', 'Álvarez', 'Méndez', 'Chávez', 'Rivera',
  ],
  PE: [
    'Quispe', 'Flores', 'Sánchez', 'Rodríguez', 'García', 'Rojas', 'Huamán', 'Mamani', 'Chávez', 'Torres',
    'Ramírez', 'Mendoza', 'Vásquez', 'Castillo', 'Díaz', 'López', 'Espinoza', 'Vargas', 'Gutiérrez', 'Ramos',
    'Condori', 'Cruz', 'Salazar', 'Córdova', 'Paredes', 'Ccahuana', 'Huaman', 'Rivera', 'Alvarado', 'Cárdenas',
  ],
};

export const US_GIVEN = {
  f: ['Jennifer', 'Jessica', 'Ashley', 'Sarah', 'Emily', 'Amanda', 'Melissa', 'Michelle', 'Stephanie', 'Nicole',
    'Elizabeth', 'Heather', 'Tiffany', 'Rachel', 'Lauren', 'Megan', 'Brittany', 'Danielle', 'Kimberly', 'Angela'],
  m: ['Michael', 'Christopher', 'James', 'David', 'Robert', 'John', 'Joseph', 'Daniel', 'Matthew', 'Joshua',
    'Andrew', 'Ryan', 'Brandon', 'Justin', 'William', 'Kevin', 'Jason', 'Anthony', 'Eric', 'Tyler'],
} as const;

export const US_SURNAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas',
  'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker',
  'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell',
] as const;

/** Hispanic surnames common among US debtors (Spanish-speaking desks handle them). */
export const US_HISPANIC_SURNAMES = [
  'Garcia', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres',
  'Flores', 'Rivera', 'Gomez', 'Diaz', 'Reyes', 'Morales', 'Cruz', 'Ortiz', 'Gutierrez', 'Chavez',
] as const;
