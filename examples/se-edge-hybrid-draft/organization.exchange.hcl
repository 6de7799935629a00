# Litware: Exchange Server SE on premises, in the middle of in-place
# upgrades from Exchange 2019, in a classic full hybrid with Exchange Online.
# This draft adds two Edge Transport servers for hybrid mail and the SMTP
# domain of Fourth Coffee, acquired this year; exlint sends it back.

organization "Litware" {
  forest_functional_level = "2016"
  split_permissions       = false
}

site "HQ" {}
site "DR" {}

domain_controller "LW-DC01" {
  site           = "HQ"
  os             = "2022"
  global_catalog = true
  read_only      = false
}

domain_controller "LW-DC02" {
  site           = "DR"
  os             = "2022"
  global_catalog = true
  read_only      = false
}
